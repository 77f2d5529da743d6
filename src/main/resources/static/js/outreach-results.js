// A campaign's results against its holdout: each chart draws treated and held out as bars, and over each bar its 95 %
// interval as a thin floating bar (no plugin), from the numbers the page carries in data attributes.
document.addEventListener('DOMContentLoaded', () => {
    if (typeof Chart === 'undefined') return;
    const split = (text) => (text ? text.split('|') : []);
    document.querySelectorAll('canvas[data-chart="conversion"], canvas[data-chart="spend"]').forEach((canvas) => {
        const data = canvas.dataset;
        const values = split(data.values).map(Number);
        const lows = split(data.lows);
        const highs = split(data.highs);
        const intervals = values.map((value, i) => (lows[i] && highs[i] ? [Number(lows[i]), Number(highs[i])] : null));
        new Chart(canvas, {
            type: 'bar',
            data: {
                labels: split(data.labels),
                datasets: [
                    {label: data.valueLabel, data: values, backgroundColor: ['#ff5a1f', '#9ca3af'], order: 2,
                        grouped: false, barPercentage: 0.6},
                    {label: data.intervalLabel, data: intervals, backgroundColor: 'rgba(31, 35, 40, 0.55)', order: 1,
                        grouped: false, barPercentage: 0.08}
                ]
            },
            options: {
                responsive: true, maintainAspectRatio: false, animation: false,
                plugins: {legend: {display: false}},
                scales: {y: {beginAtZero: true}}
            }
        });
    });
});

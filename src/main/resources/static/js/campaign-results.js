// A campaign's results page: draws its charts from the numbers the page carries in data attributes.
document.addEventListener('DOMContentLoaded', () => {
    if (typeof Chart === 'undefined') return;
    const split = (text) => (text ? text.split('|') : []);
    const numbers = (text) => split(text).map(Number);

    const days = document.querySelector('canvas[data-chart="days"]');
    if (days) {
        new Chart(days, {
            data: {
                labels: split(days.dataset.labels),
                datasets: [
                    {type: 'bar', label: days.dataset.scansLabel, data: numbers(days.dataset.scans), yAxisID: 'scans'},
                    {type: 'line', label: days.dataset.revenueLabel, data: numbers(days.dataset.revenue),
                        yAxisID: 'revenue'}
                ]
            },
            options: {
                responsive: true, maintainAspectRatio: false, animation: false,
                scales: {
                    scans: {type: 'linear', position: 'left', beginAtZero: true, ticks: {precision: 0}},
                    revenue: {type: 'linear', position: 'right', beginAtZero: true, grid: {drawOnChartArea: false}}
                }
            }
        });
    }

    const funnel = document.querySelector('canvas[data-chart="funnel"]');
    if (funnel) {
        new Chart(funnel, {
            type: 'bar',
            data: {labels: split(funnel.dataset.labels), datasets: [{data: numbers(funnel.dataset.values)}]},
            options: {
                indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
                plugins: {legend: {display: false}},
                scales: {x: {beginAtZero: true, ticks: {precision: 0}}}
            }
        });
    }
});

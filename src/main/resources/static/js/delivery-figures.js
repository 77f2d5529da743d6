// The delivery panel's chart on the dashboard: deliveries per day (bars) and the on-time rate (a line, in %), drawn
// from the canvas's data-delivery-chart JSON (no inline script: the CSP forbids it) whenever htmx brings the panel in.
(function () {
    let chart = null;

    function draw() {
        if (typeof Chart === 'undefined') return;
        const canvas = document.querySelector('canvas[data-delivery-chart]');
        if (!canvas || canvas.dataset.drawn) return;
        canvas.dataset.drawn = 'true';
        if (chart) chart.destroy();
        const data = JSON.parse(canvas.dataset.deliveryChart);
        chart = new Chart(canvas, {
            data: {
                labels: data.days,
                datasets: [
                    { type: 'bar', label: data.deliveredLabel, data: data.delivered, backgroundColor: '#669bbc', yAxisID: 'y' },
                    { type: 'line', label: data.onTimeLabel, data: data.onTime, borderColor: '#e4572e', backgroundColor: '#e4572e',
                      spanGaps: true, yAxisID: 'rate' }
                ]
            },
            options: {
                responsive: true, maintainAspectRatio: false, animation: false,
                scales: {
                    y: { beginAtZero: true, ticks: { precision: 0 } },
                    rate: { position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false } }
                }
            }
        });
    }

    if (document.readyState === 'complete') draw(); else window.addEventListener('load', draw);
    document.addEventListener('htmx:afterSettle', draw);
})();

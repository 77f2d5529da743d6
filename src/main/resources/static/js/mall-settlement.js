// The mall settlement page's chart: each tenant's net for the month (what the mall pays it, negative: what it pays
// the mall), drawn from the canvas's data-settlement-chart JSON (no inline script: the CSP forbids it).
(function () {
    function draw() {
        if (typeof Chart === 'undefined') return;
        const canvas = document.querySelector('canvas[data-settlement-chart]');
        if (!canvas || canvas.dataset.drawn) return;
        canvas.dataset.drawn = 'true';
        const data = JSON.parse(canvas.dataset.settlementChart);
        new Chart(canvas, {
            type: 'bar',
            data: {
                labels: data.tenants,
                datasets: [{
                    label: canvas.getAttribute('aria-label'),
                    data: data.net.map(Number),
                    backgroundColor: data.net.map(v => Number(v) < 0 ? '#e4572e' : '#669bbc')
                }]
            },
            options: { responsive: true, maintainAspectRatio: false, animation: false,
                       plugins: { legend: { display: false } } }
        });
    }

    if (document.readyState === 'complete') draw(); else window.addEventListener('load', draw);
})();

// The commission page's chart: commission charged (bars) and given back (bars) per day, drawn from the canvas's
// data-commission-chart JSON (no inline script: the CSP forbids it).
(function () {
    function draw() {
        if (typeof Chart === 'undefined') return;
        const canvas = document.querySelector('canvas[data-commission-chart]');
        if (!canvas || canvas.dataset.drawn) return;
        canvas.dataset.drawn = 'true';
        const data = JSON.parse(canvas.dataset.commissionChart);
        new Chart(canvas, {
            type: 'bar',
            data: {
                labels: data.days,
                datasets: [
                    { label: data.chargedLabel, data: data.charged.map(Number), backgroundColor: '#669bbc' },
                    { label: data.reversedLabel, data: data.reversed.map(Number), backgroundColor: '#e4572e' }
                ]
            },
            options: {
                responsive: true, maintainAspectRatio: false, animation: false,
                scales: { y: { beginAtZero: true } }
            }
        });
    }

    if (document.readyState === 'complete') draw(); else window.addEventListener('load', draw);
})();

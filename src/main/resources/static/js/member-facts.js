// The member profile's chart of visits and spend by month, drawn from the data-member-chart JSON of the facts
// fragment (no inline script: the CSP forbids it) whenever htmx swaps the fragment in.
(function () {
    function draw() {
        if (typeof Chart === 'undefined') return;
        const box = document.querySelector('[data-member-chart]');
        if (!box || box.dataset.drawn) return;
        box.dataset.drawn = 'true';
        const data = JSON.parse(box.dataset.memberChart);
        new Chart(document.getElementById('member-chart'), {
            type: 'bar',
            data: {
                labels: data.months,
                datasets: [
                    { label: box.closest('section').dataset.visitsLabel || 'visits', data: data.visits, backgroundColor: '#29335c', yAxisID: 'visits' },
                    { label: box.closest('section').dataset.spendLabel || '¥', data: data.spend, backgroundColor: '#e4572e', yAxisID: 'spend' }
                ]
            },
            options: {
                responsive: true, maintainAspectRatio: false, animation: false,
                scales: { visits: { position: 'left', beginAtZero: true }, spend: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false } } }
            }
        });
    }

    if (document.readyState === 'complete') draw(); else window.addEventListener('load', draw);
    document.addEventListener('htmx:afterSettle', draw);
})();

// The dashboard's charts, drawn from the data-charts JSON of the section (no inline script: the CSP forbids it), on
// page load and again whenever htmx swaps a dashboard in.
(function () {
    const palette = ['#e4572e', '#f3a712', '#29335c', '#669bbc', '#a8c686', '#8c5383'];
    const charts = [];

    function draw() {
        if (typeof Chart === 'undefined') return;
        const section = document.querySelector('[data-charts]');
        if (!section || section.dataset.drawn) return;
        section.dataset.drawn = 'true';
        charts.splice(0).forEach((chart) => chart.destroy());
        const data = JSON.parse(section.dataset.charts);
        const common = { responsive: true, maintainAspectRatio: false, animation: false };
        charts.push(new Chart(document.getElementById('chart-by-day'), {
            type: 'bar',
            data: { labels: data.days, datasets: data.byChannel.map((d, i) => ({ ...d, backgroundColor: palette[i % palette.length] })) },
            options: { ...common, scales: { x: { stacked: true }, y: { stacked: true } } }
        }));
        charts.push(new Chart(document.getElementById('chart-share'), {
            type: 'doughnut',
            data: { labels: data.share.labels, datasets: [{ data: data.share.data, backgroundColor: palette }] },
            options: common
        }));
        charts.push(new Chart(document.getElementById('chart-hours'), {
            type: 'bar',
            data: { labels: data.hourLabels, datasets: [{ data: data.hours, backgroundColor: palette[2] }] },
            options: { ...common, plugins: { legend: { display: false } } }
        }));
    }

    if (document.readyState === 'complete') draw(); else window.addEventListener('load', draw);
    document.addEventListener('htmx:afterSettle', draw);
})();

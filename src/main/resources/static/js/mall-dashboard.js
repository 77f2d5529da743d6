// The mall dashboard's charts, drawn from the data-mall-charts JSON of the section (no inline script: the CSP
// forbids it).
(function () {
    const palette = ['#e4572e', '#f3a712', '#29335c', '#669bbc', '#a8c686', '#8c5383'];

    function draw() {
        if (typeof Chart === 'undefined') return;
        const section = document.querySelector('[data-mall-charts]');
        if (!section || section.dataset.drawn) return;
        section.dataset.drawn = 'true';
        const data = JSON.parse(section.dataset.mallCharts);
        const common = { responsive: true, maintainAspectRatio: false, animation: false };
        const quiet = { ...common, plugins: { legend: { display: false } } };
        new Chart(document.getElementById('chart-mall-hours'), {
            type: 'bar', data: { labels: data.hourLabels, datasets: [{ data: data.hours, backgroundColor: palette[2] }] },
            options: quiet
        });
        new Chart(document.getElementById('chart-mall-days'), {
            type: 'line', data: { labels: data.days, datasets: [{ data: data.byDay, borderColor: palette[0] }] },
            options: quiet
        });
        new Chart(document.getElementById('chart-mall-entrances'), {
            type: 'doughnut', data: { labels: data.entrances, datasets: [{ data: data.byEntrance, backgroundColor: palette }] },
            options: common
        });
        new Chart(document.getElementById('chart-mall-floors'), {
            type: 'bar',
            data: { labels: data.floors, datasets: [
                { label: data.posLabel, data: data.floorPos, backgroundColor: palette[0] },
                { label: data.onlineLabel, data: data.floorOnline, backgroundColor: palette[3] }] },
            options: { ...common, scales: { x: { stacked: true }, y: { stacked: true } } }
        });
        new Chart(document.getElementById('chart-mall-categories'), {
            type: 'doughnut', data: { labels: data.categories, datasets: [{ data: data.byCategory, backgroundColor: palette }] },
            options: common
        });
    }

    if (document.readyState === 'complete') draw(); else window.addEventListener('load', draw);
})();

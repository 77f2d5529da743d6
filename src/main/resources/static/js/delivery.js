// Delivery pages: "use my location" fills an address's coordinates; the courier's page reports where the phone is
// while the courier carries something.
document.addEventListener('click', (event) => {
    const button = event.target.closest('[data-locate]');
    if (!button) return;
    const [lat, lng] = button.dataset.locate.split(',').map(s => document.querySelector(s));
    const status = button.parentElement.querySelector('[aria-live]');
    const say = (text) => { if (status) status.textContent = text; };
    if (!navigator.geolocation) { say(button.dataset.failed); return; }
    say(button.dataset.locating);
    navigator.geolocation.getCurrentPosition(p => {
        lat.value = p.coords.latitude.toFixed(6);
        lng.value = p.coords.longitude.toFixed(6);
        say('');
    }, () => say(button.dataset.failed), {timeout: 8000, enableHighAccuracy: true});
});

document.addEventListener('DOMContentLoaded', () => {
    const page = document.querySelector('[data-report-position]');
    if (!page || !navigator.geolocation) return;
    const url = page.dataset.reportPosition;
    const status = document.getElementById('courier-position-status');
    const header = document.querySelector('meta[name="csrf-header"]');
    const token = document.querySelector('meta[name="csrf-token"]');
    let last = 0;
    navigator.geolocation.watchPosition(p => {
        const now = Date.now();
        if (now - last < 10000) return;
        last = now;
        const headers = {'Content-Type': 'application/x-www-form-urlencoded'};
        if (header && token) headers[header.content] = token.content;
        const body = new URLSearchParams({lat: p.coords.latitude.toFixed(6), lng: p.coords.longitude.toFixed(6)});
        fetch(url, {method: 'POST', headers, body, credentials: 'same-origin'})
            .then(r => { if (status) status.textContent = r.ok ? status.dataset.sent : status.dataset.failed; })
            .catch(() => { if (status) status.textContent = status.dataset.failed; });
    }, () => { if (status) status.textContent = status.dataset.failed; }, {enableHighAccuracy: true, maximumAge: 10000});
});

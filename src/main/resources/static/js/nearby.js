// The home page's search: a city picked fills its coordinates; "locate me" asks the browser where the phone is.
document.addEventListener('DOMContentLoaded', () => {
    const lat = document.getElementById('lat'), lng = document.getElementById('lng');
    const city = document.getElementById('city'), status = document.getElementById('locate-status');
    const locate = document.getElementById('locate');
    if (!city || !locate) return;
    city.addEventListener('change', () => {
        const o = city.selectedOptions[0];
        lat.value = o.dataset.lat; lng.value = o.dataset.lng;
    }, true);
    locate.addEventListener('click', () => {
        if (!navigator.geolocation) { status.textContent = status.dataset.failed; return; }
        status.textContent = status.dataset.locating;
        navigator.geolocation.getCurrentPosition(p => {
            lat.value = p.coords.latitude.toFixed(6); lng.value = p.coords.longitude.toFixed(6);
            status.textContent = '';
            htmx.trigger('#search', 'submit');
        }, () => { status.textContent = status.dataset.failed; }, {timeout: 8000});
    });
});

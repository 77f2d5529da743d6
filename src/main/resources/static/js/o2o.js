// htmx requests carry the CSRF token that the page was rendered with.
document.addEventListener('htmx:configRequest', (event) => {
    const header = document.querySelector('meta[name="csrf-header"]');
    const token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) event.detail.headers[header.content] = token.content;
});

// data-pause-while: a polling element skips its refresh while the selector matches something (a dish being claimed,
// a table's details open), so a refresh never throws away what the person is doing.
document.addEventListener('htmx:beforeRequest', (event) => {
    const selector = event.detail.elt.dataset && event.detail.elt.dataset.pauseWhile;
    if (selector && document.querySelector(selector)) event.preventDefault();
});

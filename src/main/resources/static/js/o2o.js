// htmx requests carry the CSRF token that the page was rendered with.
document.addEventListener('htmx:configRequest', (event) => {
    const header = document.querySelector('meta[name="csrf-header"]');
    const token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) event.detail.headers[header.content] = token.content;
});

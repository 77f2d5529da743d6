// Small behaviours of the site's forms, switched on by data attributes.
document.addEventListener('submit', (event) => {
    const form = event.target;
    // data-confirm: ask before something that cannot be undone (refund, end a deal, reverse a redemption)
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
        event.preventDefault();
        return;
    }
    // data-once: a second tap while the first submit is on its way must not place a second order
    if (form.hasAttribute('data-once')) {
        if (form.dataset.sent) {
            event.preventDefault();
            return;
        }
        form.dataset.sent = 'true';
        // a page restored from the back/forward cache may be submitted again
        window.addEventListener('pageshow', () => delete form.dataset.sent, {once: true});
    }
}, true);

// quantity steppers: a − and a + button beside a number input
document.addEventListener('click', (event) => {
    const button = event.target.closest('[data-step]');
    if (!button) return;
    const input = button.parentElement.querySelector('input[type=number]');
    const min = Number(input.min || 1), max = Number(input.max || 99);
    const next = Math.min(max, Math.max(min, (Number(input.value) || min) + Number(button.dataset.step)));
    input.value = String(next);
    input.dispatchEvent(new Event('change', {bubbles: true}));
});

// data-print: a button that prints the page (the table QR sheet)
document.addEventListener('click', (event) => {
    if (event.target.closest('[data-print]')) window.print();
});

// data-submit-on-change: a select that applies itself (a filter)
document.addEventListener('change', (event) => {
    if (event.target.matches('select[data-submit-on-change]')) event.target.form.submit();
});

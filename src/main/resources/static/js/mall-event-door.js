// The door of a mall event: a scanned sign-up QR code is checked in at once; a pasted one on submit.
document.addEventListener('DOMContentLoaded', () => {
    const form = document.getElementById('door-form');
    const button = document.getElementById('scan');
    if (!form || !button) return;
    const token = document.getElementById('qrToken');
    const unsupported = document.getElementById('scan-unsupported');
    const scans = o2oScanner({
        button,
        video: document.getElementById('scan-video'),
        unsupported,
        onFound: text => {
            token.value = text;
            form.requestSubmit();
        }
    });
    if (!scans) unsupported.hidden = false;
    form.addEventListener('htmx:afterRequest', () => {
        token.value = '';
        token.focus();
    });
});

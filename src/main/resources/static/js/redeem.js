// The redemption screen: a scanned voucher (where the camera can scan) is redeemed at once.
document.addEventListener('DOMContentLoaded', () => {
    const form = document.getElementById('redeem-form');
    const button = document.getElementById('scan');
    if (!form || !button) return;
    const token = document.getElementById('qrToken');
    const code = document.getElementById('code');
    const unsupported = document.getElementById('scan-unsupported');
    const scans = o2oScanner({
        button,
        video: document.getElementById('scan-video'),
        unsupported,
        onFound: text => {
            // a printed voucher may carry its 12-digit code instead of a signed token
            if (/^\d[\d\s-]{10,}\d$/.test(text)) {
                code.value = text;
                token.value = '';
            } else {
                token.value = text;
                code.value = '';
            }
            form.requestSubmit();
        }
    });
    if (!scans) unsupported.hidden = false;

    // a scanned token is used once; the typed code stays so that a typo can be fixed
    form.addEventListener('htmx:afterRequest', () => {
        token.value = '';
    });
    code.addEventListener('input', () => {
        token.value = '';
    });
});

// The member lookup: a scanned member card (where the camera can scan) is looked up at once.
document.addEventListener('DOMContentLoaded', () => {
    const form = document.getElementById('lookup-form');
    const button = document.getElementById('scan-member');
    if (!form || !button) return;
    const qr = document.getElementById('lookup-qr');
    const phone = document.getElementById('lookup-phone');
    o2oScanner({
        button,
        video: document.getElementById('scan-video'),
        unsupported: document.getElementById('scan-unsupported'),
        onFound: text => {
            qr.value = text;
            phone.value = '';
            form.requestSubmit();
        }
    });
    // one way at a time: typing a phone clears the code and the other way round
    phone.addEventListener('input', () => { qr.value = ''; });
    qr.addEventListener('input', () => { phone.value = ''; });
});

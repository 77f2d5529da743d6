// The counter's camera on the member lookup: where the browser has BarcodeDetector, scan the member's card and look up.
document.addEventListener('DOMContentLoaded', () => {
    const form = document.getElementById('lookup-form');
    const button = document.getElementById('scan-member');
    if (!form || !button) return;
    const video = document.getElementById('scan-video');
    const qr = document.getElementById('lookup-qr');
    const phone = document.getElementById('lookup-phone');
    const unsupported = document.getElementById('scan-unsupported');
    if (!('BarcodeDetector' in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
        button.hidden = true;
        return;
    }
    let stream = null;
    let detector = null;

    const stop = () => {
        if (stream) stream.getTracks().forEach(track => track.stop());
        stream = null;
        video.srcObject = null;
        video.hidden = true;
        button.textContent = button.dataset.start;
    };

    const scan = async () => {
        while (stream) {
            try {
                const found = await detector.detect(video);
                if (found.length > 0) {
                    qr.value = found[0].rawValue.trim();
                    phone.value = '';
                    stop();
                    form.requestSubmit();
                    return;
                }
            } catch (e) {
                // the frame was not ready yet
            }
            await new Promise(resolve => setTimeout(resolve, 200));
        }
    };

    button.addEventListener('click', async () => {
        if (stream) {
            stop();
            return;
        }
        try {
            detector = detector || new BarcodeDetector({formats: ['qr_code']});
            stream = await navigator.mediaDevices.getUserMedia({video: {facingMode: 'environment'}, audio: false});
            video.srcObject = stream;
            video.hidden = false;
            await video.play();
            button.textContent = button.dataset.stop;
            scan();
        } catch (e) {
            stop();
            unsupported.hidden = false;
        }
    });

    // one way at a time: typing a phone clears the code and the other way round
    phone.addEventListener('input', () => { qr.value = ''; });
    qr.addEventListener('input', () => { phone.value = ''; });
});

// The counter's camera: where the browser has BarcodeDetector, scan the voucher's QR code and redeem it.
document.addEventListener('DOMContentLoaded', () => {
    const form = document.getElementById('redeem-form');
    const button = document.getElementById('scan');
    if (!form || !button) return;
    const video = document.getElementById('scan-video');
    const token = document.getElementById('qrToken');
    const code = document.getElementById('code');
    const unsupported = document.getElementById('scan-unsupported');
    if (!('BarcodeDetector' in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
        button.hidden = true;
        unsupported.hidden = false;
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
                    const text = found[0].rawValue.trim();
                    stop();
                    // a printed voucher may carry its 12-digit code instead of a signed token
                    if (/^\d[\d\s-]{10,}\d$/.test(text)) {
                        code.value = text;
                        token.value = '';
                    } else {
                        token.value = text;
                        code.value = '';
                    }
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
            unsupported.textContent = button.dataset.failed;
            unsupported.hidden = false;
        }
    });

    // a scanned token is used once; the typed code stays so that a typo can be fixed
    form.addEventListener('htmx:afterRequest', () => {
        token.value = '';
    });
    code.addEventListener('input', () => {
        token.value = '';
    });
});

// The counter's camera, shared by the pages that scan a QR code: where the browser has BarcodeDetector, the button
// starts and stops the camera and each code found is handed to onFound; elsewhere the button hides.
window.o2oScanner = ({button, video, unsupported, onFound}) => {
    if (!('BarcodeDetector' in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
        button.hidden = true;
        return false;
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
                    stop();
                    onFound(found[0].rawValue.trim());
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
            if (button.dataset.failed) unsupported.textContent = button.dataset.failed;
            unsupported.hidden = false;
        }
    });
    return true;
};

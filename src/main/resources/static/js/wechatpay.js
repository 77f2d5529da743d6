// Inside WeChat: hand the signed request to WeChat's own cashier; the page's status poll moves on once it is paid.
(function () {
    const button = document.getElementById('wechatpay-bridge');
    if (!button) return;
    const request = JSON.parse(button.dataset.request);
    function pay() {
        if (typeof WeixinJSBridge === 'undefined') return;
        WeixinJSBridge.invoke('getBrandWCPayRequest', request, function () {});
    }
    button.addEventListener('click', pay);
    if (typeof WeixinJSBridge === 'undefined') {
        document.addEventListener('WeixinJSBridgeReady', pay, false);
    } else {
        pay();
    }
})();

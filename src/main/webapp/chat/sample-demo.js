// Demo only (sample.html): hands a web login token from the address to embed.js and removes it from the
// address bar. A real site renders nothing like this: embed.js fetches credentials from data-credentials-url.
(function () {
    'use strict';
    var url = new URL(location.href);
    var jid = url.searchParams.get('jid');
    var token = url.searchParams.get('token');
    if (jid && token) {
        window.parleyChat = { jid: jid, password: token, transport: url.searchParams.get('transport') || undefined };
        history.replaceState(history.state, '', url.pathname);
    }
})();

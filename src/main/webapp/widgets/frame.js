/*
 * The iframe form of the widgets (online-users.html, chat-box.html): loads the widget named by this tag's
 * data-widget with the page's query parameters as its options, e.g.
 *   <iframe src="https://chat.example.org/widgets/online-users.html?domain=example.org&chat=page"></iframe>
 * Parameters: the data-* options of the widget, with underscores (credentials_url, ...).
 */
(function () {
    'use strict';
    var tag = document.currentScript;
    var s = document.createElement('script');
    s.src = new URL(tag.dataset.widget + '.js', tag.src).href;
    new URLSearchParams(location.search).forEach(function (value, name) {
        // credentials_url -> data-credentials-url (dataset.credentialsUrl)
        s.dataset[name.replace(/_([a-z])/g, function (m, c) { return c.toUpperCase(); })] = value;
    });
    document.body.appendChild(s);
})();

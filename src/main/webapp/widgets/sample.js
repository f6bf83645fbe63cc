// Sample page only (sample.html): puts the widgets on the page for the domain in ?domain= (default: the
// server's host name). A real page writes the script tag or iframe shown on the page instead.
(function () {
    'use strict';
    var domain = new URLSearchParams(location.search).get('domain') || location.hostname;
    var s = document.createElement('script');
    s.src = 'online-users.js';
    s.dataset.domain = domain;
    s.dataset.target = 'online-users-here';
    document.body.appendChild(s);
    var frame = document.createElement('iframe');
    frame.src = 'online-users.html?chat=page&domain=' + encodeURIComponent(domain);
    frame.width = '280';
    frame.height = '240';
    document.getElementById('iframe-here').appendChild(frame);
})();

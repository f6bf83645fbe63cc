/*
 * A minimal XMPP client over WebSocket (RFC 7395) for Parley's widgets: SASL PLAIN with a web login token
 * (never a real password: tokens are single-use and short-lived), resource binding, initial presence, the
 * roster, messages and presence. No library: the widgets must stay small and load nothing from elsewhere.
 *
 *   ParleyXmpp.connect({url: 'wss://chat.example.org/xmpp-websocket', jid: 'alice@example.org',
 *                       password: token}).then(function (client) { ... });
 *
 * client.jid (full JID), client.on('message' | 'presence' | 'close', fn), client.message(to, body),
 * client.roster() -> Promise of [{jid, name, subscription}], client.available (bare JID -> {full JID ->
 * presence}), client.close().
 */
(function () {
    'use strict';
    if (window.ParleyXmpp) {
        return;
    }
    var NS = {
        framing: 'urn:ietf:params:xml:ns:xmpp-framing',
        sasl: 'urn:ietf:params:xml:ns:xmpp-sasl',
        bind: 'urn:ietf:params:xml:ns:xmpp-bind',
        roster: 'jabber:iq:roster',
        ping: 'urn:xmpp:ping',
        stanzas: 'urn:ietf:params:xml:ns:xmpp-stanzas'
    };
    var ids = 0;
    var CLIENT = ' xmlns="jabber:client"'; // stanzas are top-level elements of the framing: name their namespace

    function esc(s) {
        return String(s).replace(/[&<>"']/g, function (c) {
            return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;'}[c];
        });
    }

    function base64(text) {
        var bytes = new TextEncoder().encode(text);
        var bin = '';
        bytes.forEach(function (b) { bin += String.fromCharCode(b); });
        return btoa(bin);
    }

    function child(el, name, ns) {
        for (var c = el.firstElementChild; c; c = c.nextElementSibling) {
            if (c.localName === name && (!ns || c.namespaceURI === ns)) {
                return c;
            }
        }
        return null;
    }

    function text(el, name) {
        var c = el && child(el, name);
        return c ? c.textContent : null;
    }

    function Client(socket, domain) {
        this.socket = socket;
        this.domain = domain;
        this.handlers = {message: [], presence: [], close: []};
        this.waiting = [];   // [{test, resolve}] for the login steps
        this.pending = {};   // IQ id -> {resolve, reject}
        this.available = {}; // bare JID -> {full JID -> presence}
        var self = this;
        socket.onmessage = function (e) { self.receive(e.data); };
        socket.onclose = function () {
            Object.keys(self.pending).forEach(function (id) { self.pending[id].reject(new Error('connection closed')); });
            self.pending = {};
            self.emit('close', null);
        };
    }

    Client.prototype.on = function (event, fn) {
        this.handlers[event].push(fn);
        return this;
    };

    Client.prototype.emit = function (event, arg) {
        this.handlers[event].forEach(function (fn) {
            try { fn(arg); } catch (e) { console.error('parley widget:', e); }
        });
    };

    Client.prototype.send = function (xml) {
        if (this.socket.readyState === WebSocket.OPEN) {
            this.socket.send(xml);
        }
    };

    /** The next element passing test (login steps, in order). */
    Client.prototype.next = function (test) {
        var self = this;
        return new Promise(function (resolve, reject) {
            self.waiting.push({test: test, resolve: resolve});
            self.on('close', function () { reject(new Error('connection closed')); });
        });
    };

    Client.prototype.receive = function (data) {
        var el = new DOMParser().parseFromString(data, 'text/xml').documentElement;
        for (var i = 0; i < this.waiting.length; i++) {
            if (this.waiting[i].test(el)) {
                this.waiting.splice(i, 1)[0].resolve(el);
                return;
            }
        }
        if (el.localName === 'iq') {
            this.iqReceived(el);
        } else if (el.localName === 'message' && text(el, 'body') !== null) {
            this.emit('message', {from: el.getAttribute('from'), type: el.getAttribute('type'), body: text(el, 'body')});
        } else if (el.localName === 'presence') {
            var p = {from: el.getAttribute('from'), type: el.getAttribute('type') || 'available',
                show: text(el, 'show'), status: text(el, 'status')};
            this.track(p);
            this.emit('presence', p);
        } else if (el.localName === 'close' || el.localName === 'error') {
            // the server's <close/> or a stream error: the stream is over
            this.socket.close();
        }
    };

    /** Keeps the available resources of every contact (presence may come before anybody listens). */
    Client.prototype.track = function (p) {
        var from = String(p.from);
        var bare = from.split('/')[0];
        var resources = this.available[bare] = this.available[bare] || {};
        if (p.type === 'available') {
            resources[from] = p;
        } else if (p.type === 'unavailable') {
            delete resources[from];
        }
    };

    Client.prototype.iqReceived = function (el) {
        var id = el.getAttribute('id');
        var type = el.getAttribute('type');
        if ((type === 'result' || type === 'error') && this.pending[id]) {
            var p = this.pending[id];
            delete this.pending[id];
            return type === 'result' ? p.resolve(el) : p.reject(new Error('IQ error'));
        }
        if (type === 'get' || type === 'set') {
            // pings are answered (the server ends idle sessions that do not), anything else is unsupported
            var ping = el.firstElementChild && el.firstElementChild.namespaceURI === NS.ping;
            this.send('<iq' + CLIENT + ' type="' + (ping ? 'result' : 'error') + '" id="' + esc(id) + '" to="'
                + esc(el.getAttribute('from') || this.domain) + '">'
                + (ping ? '' : '<error type="cancel"><service-unavailable xmlns="' + NS.stanzas + '"/></error>') + '</iq>');
        }
    };

    Client.prototype.iq = function (type, payload, to) {
        var id = 'w' + (++ids);
        var self = this;
        return new Promise(function (resolve, reject) {
            self.pending[id] = {resolve: resolve, reject: reject};
            self.send('<iq' + CLIENT + ' type="' + type + '" id="' + id + '"' + (to ? ' to="' + esc(to) + '"' : '') + '>' + payload + '</iq>');
        });
    };

    Client.prototype.message = function (to, body) {
        this.send('<message' + CLIENT + ' type="chat" to="' + esc(to) + '" id="w' + (++ids) + '"><body>' + esc(body) + '</body></message>');
    };

    Client.prototype.roster = function () {
        return this.iq('get', '<query xmlns="' + NS.roster + '"/>').then(function (el) {
            var q = child(el, 'query', NS.roster);
            return Array.prototype.map.call(q ? q.getElementsByTagNameNS(NS.roster, 'item') : [], function (i) {
                return {jid: i.getAttribute('jid'), name: i.getAttribute('name'), subscription: i.getAttribute('subscription')};
            });
        });
    };

    Client.prototype.close = function () {
        this.send('<presence' + CLIENT + ' type="unavailable"/>');
        this.send('<close xmlns="' + NS.framing + '"/>');
    };

    /** Opens a stream and waits for its features. */
    Client.prototype.open = function () {
        this.send('<open xmlns="' + NS.framing + '" to="' + esc(this.domain) + '" version="1.0"/>');
        var self = this;
        return this.next(function (el) { return el.localName === 'open'; })
            .then(function () { return self.next(function (el) { return el.localName === 'features'; }); });
    };

    Client.prototype.login = function (jid, password, resource) {
        var self = this;
        var local = jid.slice(0, jid.indexOf('@'));
        return this.open().then(function (features) {
            var mechanisms = Array.prototype.map.call(features.getElementsByTagNameNS(NS.sasl, 'mechanism'),
                function (m) { return m.textContent; });
            if (mechanisms.indexOf('PLAIN') < 0) {
                throw new Error('the server offers no SASL PLAIN here (it needs TLS)');
            }
            self.send('<auth xmlns="' + NS.sasl + '" mechanism="PLAIN">' + base64('\u0000' + local + '\u0000' + password) + '</auth>');
            return self.next(function (el) { return el.namespaceURI === NS.sasl; });
        }).then(function (answer) {
            if (answer.localName !== 'success') {
                throw new Error('login refused');
            }
            return self.open();
        }).then(function () {
            return self.iq('set', '<bind xmlns="' + NS.bind + '"><resource>' + esc(resource) + '</resource></bind>');
        }).then(function (bound) {
            self.jid = text(child(bound, 'bind', NS.bind), 'jid');
            self.send('<presence' + CLIENT + '/>');
            return self;
        });
    };

    /** Connects and logs in; resolves with the client once its initial presence is sent. */
    function connect(options) {
        var domain = options.jid.slice(options.jid.indexOf('@') + 1);
        return new Promise(function (resolve, reject) {
            var socket = new WebSocket(options.url, 'xmpp');
            socket.onerror = function () { reject(new Error('cannot connect to ' + options.url)); };
            socket.onopen = function () {
                var client = new Client(socket, domain);
                client.login(options.jid, options.password, options.resource || 'widget-' + Math.random().toString(36).slice(2, 8))
                    .then(resolve, function (e) { socket.close(); reject(e); });
            };
        });
    }

    window.ParleyXmpp = {connect: connect, bare: function (jid) { return String(jid).split('/')[0]; }};
})();

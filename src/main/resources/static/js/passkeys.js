// Passkeys (WebAuthn) on the second-factor pages: add one on "Tweede factor", use one
// as the second step of a sign-in. The ceremonies are Spring Security's endpoints; this
// script only carries their JSON to the browser's authenticator and back.
(function () {
  'use strict';

  function cookie(name) {
    var match = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return match ? decodeURIComponent(match[1]) : null;
  }

  function encode(buffer) {
    var bytes = new Uint8Array(buffer);
    var text = '';
    for (var i = 0; i < bytes.length; i++) {
      text += String.fromCharCode(bytes[i]);
    }
    return window.btoa(text).replace(/=/g, '').replace(/\+/g, '-').replace(/\//g, '_');
  }

  function decode(text) {
    var binary = window.atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function post(url, body) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-XSRF-TOKEN': cookie('XSRF-TOKEN') || '' },
      body: body ? JSON.stringify(body) : undefined
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    });
  }

  function show(element, message) {
    if (element) {
      element.textContent = message;
      element.hidden = false;
      element.focus();
    }
  }

  function register(button) {
    var form = button.form;
    var label = form.querySelector('[name=label]').value.trim();
    var status = document.getElementById('passkey-status');
    if (!label) {
      show(status, button.dataset.labelRequired);
      return;
    }
    post(form.dataset.options).then(function (options) {
      options.user.id = decode(options.user.id);
      options.challenge = decode(options.challenge);
      options.excludeCredentials = (options.excludeCredentials || []).map(function (c) {
        return Object.assign({}, c, { id: decode(c.id) });
      });
      return navigator.credentials.create({ publicKey: options });
    }).then(function (credential) {
      return post(form.dataset.register, { publicKey: { label: label, credential: {
        id: credential.id,
        rawId: encode(credential.rawId),
        response: {
          attestationObject: encode(credential.response.attestationObject),
          clientDataJSON: encode(credential.response.clientDataJSON),
          transports: credential.response.getTransports ? credential.response.getTransports() : []
        },
        type: credential.type,
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment
      } } });
    }).then(function () {
      window.location.reload();
    }).catch(function () {
      show(status, button.dataset.failed);
    });
  }

  function authenticate(button) {
    var status = document.getElementById('passkey-status');
    post(button.dataset.options).then(function (options) {
      options.challenge = decode(options.challenge);
      options.allowCredentials = (options.allowCredentials || []).map(function (c) {
        return Object.assign({}, c, { id: decode(c.id) });
      });
      return navigator.credentials.get({ publicKey: options });
    }).then(function (credential) {
      return post(button.dataset.login, {
        id: credential.id,
        rawId: encode(credential.rawId),
        response: {
          authenticatorData: encode(credential.response.authenticatorData),
          clientDataJSON: encode(credential.response.clientDataJSON),
          signature: encode(credential.response.signature),
          userHandle: credential.response.userHandle ? encode(credential.response.userHandle) : undefined
        },
        credType: credential.type,
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment
      });
    }).then(function (answer) {
      window.location.href = answer.redirectUrl;
    }).catch(function () {
      show(status, button.dataset.failed);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (!window.PublicKeyCredential) {
      return;
    }
    document.querySelectorAll('[data-passkey]').forEach(function (element) {
      element.hidden = false;
    });
    var add = document.getElementById('add-passkey');
    if (add) {
      add.addEventListener('click', function () { register(add); });
    }
    var use = document.getElementById('use-passkey');
    if (use) {
      use.addEventListener('click', function () { authenticate(use); });
    }
  });
}());

// Vangnet: the only script of the pages (the content security policy forbids inline script).
(function () {
  'use strict';

  function cookie(name) {
    var match = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return match ? decodeURIComponent(match[1]) : null;
  }

  // htmx requests carry the CSRF token like every form does.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = cookie('XSRF-TOKEN');
    if (token) {
      event.detail.headers['X-XSRF-TOKEN'] = token;
    }
  });

  // Forms marked data-confirm ask before they do something that is hard to undo.
  document.addEventListener('submit', function (event) {
    var message = event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });

  // Selects marked data-autosubmit apply a filter as soon as they change (htmx does the rest).
  document.addEventListener('change', function (event) {
    if (event.target.matches('select[data-autosubmit]') && !event.target.form.hasAttribute('hx-get')) {
      event.target.form.submit();
    }
  });
})();

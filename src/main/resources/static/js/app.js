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

  // On a phone: the menu behind one button, and filters marked data-collapse-narrow folded
  // behind their summary unless one of them is set, so the first result is in view.
  var narrow = window.matchMedia('(max-width: 40rem)');

  function compact() {
    var toggle = document.querySelector('.menu-toggle');
    var nav = toggle && toggle.closest('nav');
    if (nav) {
      toggle.hidden = false;
      nav.classList.add('collapsed');
      toggle.addEventListener('click', function () {
        var open = nav.classList.toggle('collapsed') === false;
        toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
      });
    }
    if (narrow.matches) {
      Array.prototype.forEach.call(document.querySelectorAll('details[data-collapse-narrow]'), function (d) {
        if (d.getAttribute('data-active') !== 'true') {
          d.open = false;
        }
      });
    }
  }

  // The error summary (fragments/forms :: summary): at the top of main, each entry linked to its
  // field and naming the field's label, the field marked invalid and tied to its own message,
  // and focus on the summary, so that a failed save cannot go unnoticed. Entries with a
  // data-target come linked, labelled and marked from the server; the rest is done here.
  function fieldFor(link) {
    var target = link.getAttribute('data-target');
    if (target && document.getElementById(target)) {
      return document.getElementById(target);
    }
    var name = link.getAttribute('data-field');
    var formId = link.getAttribute('data-form');
    var scope = (formId && document.getElementById(formId)) || document;
    var candidates = Array.prototype.filter.call(scope.querySelectorAll('form [name]'), function (el) {
      return el.name === name && el.type !== 'hidden' && !el.disabled;
    });
    var marked = candidates.filter(function (el) { return el.getAttribute('aria-invalid') === 'true'; });
    if (marked.length) {
      return marked[0];
    }
    var message = link.getAttribute('data-message');
    var near = candidates.filter(function (el) { return inlineError(el, message) !== null; });
    return near.length ? near[0] : (candidates[0] || null);
  }

  function group(field) {
    return (field.type === 'radio' || field.type === 'checkbox') ? field.closest('fieldset') : null;
  }

  function labelOf(field) {
    var fieldset = group(field);
    var label = null;
    if (fieldset && fieldset.querySelector('legend')) {
      label = fieldset.querySelector('legend');
    }
    else if (field.id) {
      label = document.querySelector('label[for="' + field.id + '"]');
    }
    if (!label) {
      label = field.closest('label');
    }
    var text = label ? label.textContent : (field.getAttribute('aria-label') || '');
    return text.replace(/\s+/g, ' ').replace(/[\s*:]+$/, '').trim();
  }

  function inlineError(field, message) {
    var container = group(field) || field.parentElement;
    var errors = container ? container.querySelectorAll('.error') : [];
    for (var i = 0; i < errors.length; i++) {
      if (!errors[i].closest('.error-summary') && errors[i].textContent.trim() === message) {
        return errors[i];
      }
    }
    return null;
  }

  function describe(field, id) {
    var ids = (field.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    if (ids.indexOf(id) < 0) {
      ids.unshift(id);
    }
    field.setAttribute('aria-describedby', ids.join(' '));
  }

  var counter = 0;

  function tie(field, message) {
    var error = inlineError(field, message);
    if (!error) {
      error = document.createElement('p');
      error.className = 'error';
      error.textContent = message;
      var fieldset = group(field);
      if (fieldset && fieldset.querySelector('legend')) {
        fieldset.querySelector('legend').insertAdjacentElement('afterend', error);
      }
      else {
        var label = field.closest('label');
        (label || field).insertAdjacentElement('beforebegin', error);
      }
    }
    if (!error.id) {
      counter += 1;
      error.id = (field.id || 'field') + '-error-' + counter;
    }
    var fields = group(field) ? group(field).querySelectorAll('[name="' + field.name + '"]') : [field];
    Array.prototype.forEach.call(fields, function (f) {
      f.setAttribute('aria-invalid', 'true');
      describe(f, error.id);
    });
  }

  function reveal(field) {
    for (var d = field.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) {
      d.open = true;
    }
  }

  function summarise() {
    var summary = document.getElementById('error-summary');
    if (!summary || summary.hasAttribute('data-summarised')) {
      return;
    }
    summary.setAttribute('data-summarised', 'true');
    var main = document.querySelector('main');
    if (main && !main.contains(summary)) {
      var heading = main.querySelector('h1');
      if (heading && heading.parentElement === main) {
        heading.insertAdjacentElement('afterend', summary);
      }
      else {
        main.insertAdjacentElement('afterbegin', summary);
      }
    }
    Array.prototype.forEach.call(summary.querySelectorAll('a[data-field]'), function (link) {
      var field = fieldFor(link);
      var message = link.getAttribute('data-message');
      if (!field) {
        var text = document.createElement('span');
        text.textContent = link.textContent;
        link.replaceWith(text);
        return;
      }
      if (!field.id) {
        counter += 1;
        field.id = 'field-' + counter;
      }
      link.setAttribute('href', '#' + field.id);
      var label = labelOf(field);
      if (label && !link.querySelector('.error-summary-label')
          && message.toLowerCase().indexOf(label.toLowerCase()) !== 0) {
        var prefix = document.createElement('span');
        prefix.className = 'error-summary-label';
        prefix.textContent = label + ': ';
        link.insertBefore(prefix, link.firstChild);
      }
      reveal(field);
      tie(field, message);
      link.addEventListener('click', function (event) {
        event.preventDefault();
        reveal(field);
        var target = group(field) ? (group(field).querySelector('legend') || field) : (document.querySelector('label[for="' + field.id + '"]') || field);
        target.scrollIntoView();
        field.focus({ preventScroll: true });
      });
    });
    summary.focus();
  }

  // A select that follows another (data-follows="its id"): only the option groups of the
  // chosen value (data-domain) are offered; without script every group is offered and the
  // server checks the pair. Changing the leading select returns this one to its default.
  function follow() {
    Array.prototype.forEach.call(document.querySelectorAll('select[data-follows]'), function (select) {
      var leader = document.getElementById(select.getAttribute('data-follows'));
      if (!leader) {
        return;
      }
      function show(reset) {
        var any = false;
        Array.prototype.forEach.call(select.querySelectorAll('optgroup[data-domain]'), function (optgroup) {
          var mine = optgroup.getAttribute('data-domain') === leader.value;
          optgroup.hidden = !mine;
          optgroup.disabled = !mine;
          any = any || mine;
        });
        if (reset || (select.selectedOptions[0] && select.selectedOptions[0].parentElement.disabled)) {
          select.value = '';
        }
        select.disabled = !any;
        (select.closest('.follows') || select).hidden = !any;
      }
      leader.addEventListener('change', function () { show(true); });
      show(false);
    });
  }

  function ready() {
    compact();
    follow();
    summarise();
  }

  // A summary that htmx swaps in (the households list's contact-person form) is focused too.
  document.addEventListener('htmx:afterSettle', summarise);

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', ready);
  }
  else {
    ready();
  }
})();

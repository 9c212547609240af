/**
 * The Lightning-like page's script (plain browser JavaScript, served inline). Like Lightning it is a single-page app:
 * links inside the app change the URL with history.pushState and re-render without a page load; back and forward
 * (popstate) re-render too. Data comes from `/ui-data/view?path=…` on the same host, authenticated by the sid cookie.
 */
export const CLIENT_SCRIPT = String.raw`(function () {
  'use strict';
  var main = document.getElementById('main');
  var initialElement = document.getElementById('sandbox-initial-view');
  var loginUrl = document.body.getAttribute('data-login-url') || '/';
  var sequence = 0;

  function esc(value) {
    return String(value === null || value === undefined ? '' : value).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function recordHref(link) {
    return '/lightning/r/' + encodeURIComponent(link.objectName) + '/' + link.id + '/view';
  }
  function recordLink(link) {
    return '<a href="' + recordHref(link) + '" data-record-id="' + esc(link.id) + '" data-object="' + esc(link.objectName) +
      '">' + esc(link.name) + '</a>';
  }
  function emptyValue(value) {
    return value === null || value === '' ? '<span class="empty" aria-label="empty">&nbsp;</span>' : esc(value);
  }
  function routePath() {
    if (location.pathname === '/one/one.app') {
      var legacy = /^#\/sObject\/([A-Za-z0-9]{15,18})\/(view|edit)/.exec(location.hash);
      return legacy ? '/lightning/r/' + legacy[1] + '/' + legacy[2] : '/lightning/page/home';
    }
    return location.pathname + location.search;
  }

  function relatedList(list, parent) {
    var items = list.records.map(function (r) {
      return '<li class="related-item">' + recordLink(r) + (r.detail ? ' <span class="detail">' + esc(r.detail) + '</span>' : '') + '</li>';
    }).join('');
    return '<article class="related-list" data-relationship="' + esc(list.relationshipName) + '" aria-labelledby="rl-' +
      esc(list.relationshipName) + '"><h2 id="rl-' + esc(list.relationshipName) + '">' + esc(list.label) + ' (' + list.total + ')</h2>' +
      (items ? '<ul>' + items + '</ul>' : '<p class="none">No items to display.</p>') +
      (parent && list.total > list.records.length ? '<a class="view-all" href="/lightning/r/' + esc(parent.objectName) + '/' + esc(parent.id) +
        '/related/' + esc(list.relationshipName) + '/view">View All</a>' : '') + '</article>';
  }

  function recordPage(view) {
    var fields = view.fields.map(function (f) {
      return '<div class="field" data-field="' + esc(f.name) + '"><dt>' + esc(f.label) + '</dt><dd>' +
        (f.link ? recordLink(f.link) : emptyValue(f.value)) + '</dd></div>';
    }).join('');
    var base = '/lightning/r/' + esc(view.objectName) + '/' + esc(view.id);
    var header = '<div class="highlights"><p class="entity-label">' + esc(view.objectLabel) + '</p>' +
      '<h1 class="record-name" data-record-id="' + esc(view.id) + '">' + esc(view.name) + '</h1>' +
      (view.mode === 'view' ? '<a class="button" href="' + base + '/edit" data-action="edit">Edit</a>' : '') + '</div>';
    var body = view.mode === 'edit' ? editForm(view, base) :
      '<section class="details" aria-labelledby="details-heading"><h2 id="details-heading">Details</h2><dl>' + fields + '</dl></section>' +
      '<section class="related" aria-label="Related">' + view.related.map(function (l) { return relatedList(l, view); }).join('') + '</section>';
    return '<div class="record-page" data-record-id="' + esc(view.id) + '" data-object="' + esc(view.objectName) + '">' + header + body + '</div>';
  }

  function editForm(view, base) {
    var inputs = view.fields.map(function (f) {
      var id = 'edit-' + esc(f.name);
      return '<div class="form-element"><label for="' + id + '">' + esc(f.label) + '</label>' +
        (f.link ? '<input id="' + id + '" value="' + esc(f.value) + '" readonly>' :
          '<input id="' + id + '" name="' + esc(f.name) + '" value="' + esc(f.value === null ? '' : f.value) + '" data-original="' +
          esc(f.value === null ? '' : f.value) + '">') + '</div>';
    }).join('');
    return '<form class="record-edit" data-record-id="' + esc(view.id) + '" data-view-url="' + base + '/view" aria-label="Edit ' +
      esc(view.name) + '">' + inputs + '<p class="form-error" role="alert"></p><a class="button" href="' + base +
      '/view">Cancel</a> <button type="submit">Save</button></form>';
  }

  function page(view) {
    switch (view.kind) {
      case 'record':
        return recordPage(view);
      case 'related':
        return '<nav class="breadcrumbs" aria-label="Breadcrumbs"><a href="/lightning/o/' + esc(view.parent.objectName) + '/home">' +
          esc(view.parent.objectLabel) + '</a> › ' + recordLink(view.parent) + '</nav><h1>' + esc(view.list.label) + '</h1>' +
          relatedList(view.list, null);
      case 'list':
        return '<h1>' + esc(view.objectLabelPlural) + '</h1><table class="list-view" aria-label="' + esc(view.objectLabelPlural) +
          '"><thead><tr><th scope="col">Name</th>' + view.columns.map(function (c) { return '<th scope="col">' + esc(c) + '</th>'; }).join('') +
          '</tr></thead><tbody>' + view.rows.map(function (row) {
            return '<tr><th scope="row">' + recordLink(row.link) + '</th>' + row.cells.map(function (c) { return '<td>' + emptyValue(c) + '</td>'; }).join('') + '</tr>';
          }).join('') + '</tbody></table>';
      case 'home':
        return '<h1>Home</h1><section aria-labelledby="recent-heading"><h2 id="recent-heading">Recent Records</h2><ul class="recent">' +
          view.recent.map(function (r) { return '<li>' + recordLink(r) + ' <span class="detail">' + esc(r.objectLabel) + '</span></li>'; }).join('') +
          '</ul></section>';
      case 'setup':
        return '<h1>Setup</h1><h2>' + esc(view.section) + '</h2><p>Setup pages are not part of the sandbox.</p>';
      case 'session':
        return '<h1>Your session has ended</h1><p><a href="' + esc(loginUrl) + '">Log in again</a></p>';
      default:
        return '<div class="error-page" role="alert"><h1>' + esc(view.heading) + '</h1><p>' + esc(view.message) + '</p></div>';
    }
  }

  function render(view) {
    document.title = view.title;
    main.innerHTML = page(view);
    main.setAttribute('data-view', view.kind);
    var current = view.objectName || (view.parent && view.parent.objectName) || (view.kind === 'home' ? 'Home' : '');
    document.querySelectorAll('nav.nav-bar a').forEach(function (a) {
      if (a.getAttribute('data-nav-item') === current) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    });
    document.dispatchEvent(new CustomEvent('sandbox:rendered', { detail: { kind: view.kind, path: location.pathname } }));
  }

  function load() {
    var mine = ++sequence;
    main.setAttribute('aria-busy', 'true');
    fetch('/ui-data/view?path=' + encodeURIComponent(routePath()), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (response.status === 401) return { kind: 'session', title: 'Session ended | Salesforce' };
        return response.json();
      })
      .then(function (view) {
        if (mine !== sequence) return;
        render(view);
        main.removeAttribute('aria-busy');
      });
  }

  function navigate(href) {
    history.pushState({}, '', href);
    load();
  }

  document.addEventListener('click', function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var anchor = event.target && event.target.closest ? event.target.closest('a[href]') : null;
    if (!anchor || anchor.target || anchor.origin !== location.origin) return;
    if (!/^\/(lightning|one)\//.test(anchor.pathname)) return;
    event.preventDefault();
    if (anchor.pathname + anchor.search + anchor.hash === location.pathname + location.search + location.hash) return;
    navigate(anchor.href);
  });

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.matches || !form.matches('form.record-edit')) return;
    event.preventDefault();
    var values = {};
    form.querySelectorAll('input[name]').forEach(function (input) {
      if (input.value !== input.getAttribute('data-original')) values[input.name] = input.value === '' ? null : input.value;
    });
    fetch('/ui-data/save', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: form.getAttribute('data-record-id'), values: values })
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (result) {
      if (result.ok) navigate(form.getAttribute('data-view-url'));
      else form.querySelector('.form-error').textContent = result.body.message || 'Could not save.';
    });
  });

  window.addEventListener('popstate', load);
  window.addEventListener('hashchange', function () { if (location.pathname === '/one/one.app') load(); });

  var initial = initialElement ? JSON.parse(initialElement.textContent || 'null') : null;
  if (initial && location.pathname !== '/one/one.app') render(initial);
  else load();
})();`;

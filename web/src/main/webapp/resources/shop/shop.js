/* Small behaviours of the storefront that need no round trip: gallery, zoom, size chart units. */
var Shop = (function () {
  function gallery() {
    var main = document.getElementById('gallery-main');
    if (!main) { return; }
    var image = document.getElementById('gallery-image');
    document.querySelectorAll('.gallery__thumb').forEach(function (thumb) {
      thumb.addEventListener('click', function () {
        image.src = thumb.dataset.src;
        image.srcset = thumb.dataset.srcset;
        image.alt = thumb.dataset.alt;
        image.dataset.zoom = thumb.dataset.zoom;
        document.querySelectorAll('.gallery__thumb').forEach(function (t) { t.classList.remove('is-selected'); });
        thumb.classList.add('is-selected');
        main.classList.remove('is-zoomed');
      });
    });
    // Zoom: the 1600 px original is loaded on demand and magnified around the pointer.
    main.addEventListener('click', function (e) {
      var zoomed = main.classList.toggle('is-zoomed');
      if (zoomed) {
        image.srcset = '';
        image.src = image.dataset.zoom;
        follow(e);
      }
    });
    main.addEventListener('mousemove', follow);
    function follow(e) {
      if (!main.classList.contains('is-zoomed')) { return; }
      var r = main.getBoundingClientRect();
      image.style.transformOrigin = ((e.clientX - r.left) / r.width * 100) + '% ' + ((e.clientY - r.top) / r.height * 100) + '%';
    }
  }
  function units(button, unit) {
    document.querySelectorAll('[data-units]').forEach(function (b) { b.classList.toggle('is-selected', b === button); });
    document.querySelectorAll('#size-table .cm').forEach(function (s) { s.hidden = unit !== 'cm'; });
    document.querySelectorAll('#size-table .in').forEach(function (s) { s.hidden = unit !== 'in'; });
  }
  // Phones see results first: the filter panel starts folded below 1024 px.
  function filters() {
    var panel = document.getElementById('filters');
    if (panel && window.innerWidth < 1024) { panel.removeAttribute('open'); }
  }
  // Sizes and the stock badge follow the stock truth while the page is open (server-sent events).
  function liveStock() {
    watch(document.getElementById('sizes'), function (labels, figure) {
      Array.prototype.forEach.call(labels, function (label) {
        if (label.getAttribute('data-sku') === figure.sku) { showSize(label, figure.available); }
      });
      showBadge(labels);
    });
  }
  // Opens the live-stock stream for the [data-sku] elements of a container (its data-live URL) and
  // hands each figure that arrives to show(elements, {sku, available}).
  function watch(container, show) {
    if (!container || !window.EventSource) { return; }
    var elements = container.querySelectorAll('[data-sku]');
    if (!elements.length) { return; }
    var query = Array.prototype.map.call(elements, function (e) {
      return 'sku=' + encodeURIComponent(e.getAttribute('data-sku'));
    }).join('&');
    var stream = new EventSource(container.getAttribute('data-live') + '?' + query);
    stream.addEventListener('stock', function (e) { show(elements, JSON.parse(e.data)); });
  }
  function showSize(label, available) {
    label.setAttribute('data-available', available);
    label.classList.toggle('is-out', available === 0);
    label.title = available === 0 ? 'Out of stock' : 'In stock';
    var input = label.querySelector('input');
    input.disabled = available === 0;
    if (available === 0) { input.checked = false; }
    var note = label.querySelector('.size__note');
    var text = available === 0 ? 'sold out' : (available <= 3 ? available + ' left' : '');
    if (!note && text) {
      note = document.createElement('span');
      note.className = 'size__note';
      label.appendChild(note);
    }
    if (note) { note.textContent = text; note.hidden = !text; }
  }
  function showBadge(labels) {
    var badge = document.getElementById('stock-badge');
    if (!badge) { return; }
    var total = Array.prototype.reduce.call(labels, function (sum, l) {
      return sum + Number(l.getAttribute('data-available'));
    }, 0);
    badge.textContent = total === 0 ? 'Out of stock' : (total <= 5 ? 'Only ' + total + ' left' : 'In stock');
    badge.className = 'badge ' + (total === 0 ? 'badge--out' : (total <= 5 ? 'badge--low' : 'badge--in'));
  }
  // "Add to bag" posts JSON to the cart API (the product page keeps no server state) and says
  // what happened beside the button; the server's refusals (no size, too many) are shown as sent.
  function addToBag() {
    var form = document.getElementById('add-to-bag');
    if (!form || !window.fetch) { return; }
    var message = document.getElementById('add-to-bag-message');
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var chosen = document.querySelector('#sizes input[name="sku"]:checked');
      var body = { sku: chosen ? chosen.value : null, quantity: Number(form.querySelector('[name="quantity"]').value) };
      message.className = 'add-to-bag__message';
      message.textContent = 'Adding…';
      fetch(form.action, {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify(body)
      }).then(function (response) {
        return response.json().then(function (json) { return { ok: response.ok, json: json }; });
      }).then(function (answer) {
        if (answer.ok) {
          var count = document.getElementById('bag-count');
          if (count) { count.textContent = answer.json.count; }
          var bagLink = document.getElementById('bag-link');
          if (bagLink) { bagLink.setAttribute('aria-label', 'Bag, ' + answer.json.count + (answer.json.count === 1 ? ' item' : ' items')); }
          message.className = 'add-to-bag__message is-ok';
          message.innerHTML = '';
          message.appendChild(document.createTextNode('Added to your bag. '));
          message.appendChild(link(form.getAttribute('data-bag'), 'View bag (' + answer.json.count + ')', 'view-bag'));
          message.appendChild(document.createTextNode(' '));
          message.appendChild(link(form.getAttribute('data-checkout'), 'Checkout', 'go-checkout'));
          message.scrollIntoView({ block: 'nearest' });
        } else {
          var errors = answer.json.errors ? Object.keys(answer.json.errors).map(function (k) { return answer.json.errors[k]; }) : [];
          message.className = 'add-to-bag__message is-error';
          message.textContent = errors.length ? errors.join(' ') : (answer.json.detail || 'That did not work; please try again.');
          message.scrollIntoView({ block: 'nearest' });
        }
      }).catch(function () {
        message.className = 'add-to-bag__message is-error';
        message.textContent = 'We could not reach the shop; check your connection and try again.';
      });
    });
  }
  function link(href, text, id) {
    var a = document.createElement('a');
    a.href = href; a.textContent = text; a.id = id;
    return a;
  }
  // A button that places an order is pressed once; the server would make one order anyway.
  function once(button) {
    if (button.getAttribute('data-pressed')) { return false; }
    button.setAttribute('data-pressed', 'true');
    button.classList.add('is-busy');
    return true;
  }
  // Razorpay Checkout opens by itself once its script is here, and again from the button.
  function razorpay(options) {
    var open = function () { new window.Razorpay(options).open(); };
    document.getElementById('razorpay-open').addEventListener('click', open);
    open();
  }
  // Handlers are bound here rather than written inline in the pages, which the
  // Content-Security-Policy would refuse to run.
  function bind() {
    document.querySelectorAll('[data-units]').forEach(function (b) {
      b.addEventListener('click', function () { units(b, b.getAttribute('data-units')); });
    });
    var chart = document.getElementById('size-chart-open');
    if (chart) { chart.addEventListener('click', function () { PF('sizeChart').show(); }); }
    document.querySelectorAll('[data-once]').forEach(function (b) {
      b.addEventListener('click', function (e) { if (!once(b)) { e.preventDefault(); } });
    });
    var pay = document.getElementById('razorpay-options');
    if (pay) {
      var loader = document.createElement('script');
      loader.src = pay.getAttribute('data-checkout-js');
      loader.async = true;
      loader.onload = function () { razorpay(JSON.parse(pay.textContent)); };
      loader.onerror = function () { document.getElementById('razorpay-unreachable').hidden = false; };
      document.body.appendChild(loader);
    }
  }
  // Bag lines follow the stock truth too: a size that sells out meanwhile is marked at once.
  function liveBag() {
    watch(document.getElementById('bag-lines'), function (lines, figure) {
      Array.prototype.forEach.call(lines, function (line) {
        if (line.getAttribute('data-sku') !== figure.sku) { return; }
        var badge = line.querySelector('.bag-line__stock');
        var available = figure.available;
        badge.textContent = available === 0 ? 'Sold out' : (available <= 3 ? 'Only ' + available + ' left' : 'In stock');
        badge.className = 'bag-line__stock badge ' + (available === 0 ? 'badge--out' : (available <= 3 ? 'badge--low' : 'badge--in'));
        line.classList.toggle('has-problem', available < Number(line.getAttribute('data-quantity')));
      });
    });
  }
  document.addEventListener('DOMContentLoaded', liveStock);
  document.addEventListener('DOMContentLoaded', addToBag);
  document.addEventListener('DOMContentLoaded', liveBag);
  document.addEventListener('DOMContentLoaded', gallery);
  document.addEventListener('DOMContentLoaded', filters);
  document.addEventListener('DOMContentLoaded', bind);
  return { units: units, once: once, razorpay: razorpay };
})();

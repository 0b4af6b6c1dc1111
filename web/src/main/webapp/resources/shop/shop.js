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
  document.addEventListener('DOMContentLoaded', gallery);
  document.addEventListener('DOMContentLoaded', filters);
  return { units: units };
})();

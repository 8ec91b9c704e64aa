// Redirect pages (see scripts/hardening.py): go to the page's new address, keeping
// the #section of the old one, which the page's fallback refresh cannot carry.
(function () {
  var link = document.querySelector('link[rel="canonical"]');
  if (!link) return;
  var target = link.href;
  if (location.hash) target = target.split("#")[0] + location.hash;
  location.replace(target);
})();

/* Runner's Hip: the palette button (automatic, light, dark), in place of Material's palette
 * component.
 *
 * Material's component applies the reader's palette again as its bundle starts, on every page
 * view, although the palette script in the page has already applied it before the first paint
 * (overrides/partials/javascripts/palette.html). Doing so, it marks the body as switching and
 * unmarks it, and adds and fills the color-scheme meta tag: each of these re-styles every
 * element of the page, four times in all, about 100 ms of a condition page's start on this
 * machine, and more on the finder with its body map (issue 17). This script does nothing as the
 * page starts. It only answers a real switch, as Material's component does: the reader presses
 * the button, or the system's light or dark setting changes while the palette follows it.
 *
 * It keeps Material's conventions, so that Material's styles and the palette script in the next
 * page read what it writes: the body's data-md-color-* attributes, the saved "__palette"
 * ({index, color}, through Material's __md_set), the data-md-color-switching mark that turns
 * transitions off while colours change, and the button of the palette in use shown.
 * tests/test_after_first_paint.py checks the buttons, the saved palette and the system setting.
 */
(function () {
  "use strict";
  var form = document.querySelector("form[data-rh-palette]");
  if (!form) return;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input[name=__palette]"));
  var light = matchMedia("(prefers-color-scheme: light)");

  function paletteOf(index) {
    var input = inputs[index];
    var media = input.getAttribute("data-md-color-media");
    var source = input;
    if (media === "(prefers-color-scheme)") { // automatic: the colours of the system's light or dark option
      source = form.querySelector(light.matches
        ? "[data-md-color-media='(prefers-color-scheme: light)']"
        : "[data-md-color-media='(prefers-color-scheme: dark)']") || input;
    }
    return {
      index: index,
      color: {
        media: media,
        scheme: source.getAttribute("data-md-color-scheme"),
        primary: source.getAttribute("data-md-color-primary"),
        accent: source.getAttribute("data-md-color-accent"),
      },
    };
  }

  function apply(palette) {
    var body = document.body;
    body.setAttribute("data-md-color-switching", "");
    Object.keys(palette.color).forEach(function (key) {
      body.setAttribute("data-md-color-" + key, palette.color[key]);
    });
    inputs.forEach(function (input, index) {
      var label = input.nextElementSibling;
      if (label && label.tagName === "LABEL") label.hidden = index !== palette.index;
    });
    __md_set("__palette", palette);
    var style = getComputedStyle(document.querySelector("[data-md-component=header]"));
    var scheme = document.querySelector("meta[name=color-scheme]");
    var theme = document.querySelector("meta[name=theme-color]");
    if (scheme) scheme.content = style.colorScheme;
    if (theme) {
      theme.content = "#" + style.backgroundColor.match(/\d+/g).slice(0, 3).map(function (value) {
        return (+value).toString(16).padStart(2, "0");
      }).join("");
    }
    // two frames: the new colours have been styled and drawn without a transition
    requestAnimationFrame(function () {
      requestAnimationFrame(function () { body.removeAttribute("data-md-color-switching"); });
    });
  }

  function current() { // the saved palette, or on a first visit the first option whose media matches
    var saved = __md_get("__palette");
    if (saved && saved.index >= 0 && saved.index < inputs.length) return saved.index;
    for (var index = 0; index < inputs.length; index++) {
      if (matchMedia(inputs[index].getAttribute("data-md-color-media")).matches) return index;
    }
    return 0;
  }

  form.addEventListener("change", function (event) {
    var index = inputs.indexOf(event.target);
    if (index >= 0) apply(paletteOf(index));
  });
  light.addEventListener("change", function () {
    var index = current();
    if (inputs[index].getAttribute("data-md-color-media") === "(prefers-color-scheme)") apply(paletteOf(index));
  });
})();

/*
 * Politikspor: starts DKFDS on the page and on content that htmx swaps in.
 *
 * Loaded with defer after dkfds.min.js and htmx.min.js. Every page works without
 * this file; it only adds the DKFDS behaviour (mobile menu, accordions, error
 * summary focus, ...). No inline script anywhere: the CSP allows script-src 'self'.
 */
(function () {
  "use strict";

  // DKFDS components that live inside content and are safe to start on a fragment.
  // Page-wide ones (Navigation, BackToTop, Modal) start once, from DKFDS.init().
  var FRAGMENT_COMPONENTS = [
    [".accordion, .accordion-bordered", "Accordion"],
    [".alert.has-close", "Alert"],
    [".form-limit", "CharacterLimit"],
    [".js-checkbox-toggle-content", "CheckboxToggleContent"],
    [".js-dropdown", "Dropdown"],
    [".js-radio-toggle-group", "RadioToggleGroup"],
    ["[data-module='error-summary']", "ErrorSummary"],
    ["div.tab-container", "Tabs"],
    [".tooltip-wrapper", "Tooltip"],
  ];

  function initPage() {
    if (window.DKFDS && typeof window.DKFDS.init === "function") {
      window.DKFDS.init();
    }
  }

  function initFragment(root) {
    var DKFDS = window.DKFDS;
    if (!DKFDS) {
      return;
    }
    FRAGMENT_COMPONENTS.forEach(function (entry) {
      var Component = DKFDS[entry[1]];
      if (typeof Component !== "function") {
        return;
      }
      var elements = Array.prototype.slice.call(root.querySelectorAll(entry[0]));
      if (root.matches && root.matches(entry[0])) {
        elements.unshift(root);
      }
      elements.forEach(function (element) {
        try {
          new Component(element).init();
        } catch (error) {
          // One malformed component must not stop the others.
          if (window.console) {
            window.console.warn("DKFDS " + entry[1] + ":", error);
          }
        }
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initPage);
  } else {
    initPage();
  }

  // htmx fires htmx:load for the body at start-up (DKFDS.init covers that) and
  // then for every element it swaps in.
  document.addEventListener("htmx:load", function (event) {
    var root = event.detail && event.detail.elt;
    if (!root || root === document.body || root.nodeType !== 1) {
      return;
    }
    initFragment(root);
  });
})();

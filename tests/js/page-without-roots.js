// The modules start their [data-module] roots when they load (createAll). Under Node there is
// no page: this stands in for one with no roots, so importing a module only defines its
// functions. Import it before the module under test (imports run in order).
globalThis.document = {
  querySelectorAll: () => [],
  getElementById: () => null,
  documentElement: { setAttribute() {}, hasAttribute: () => false },
};

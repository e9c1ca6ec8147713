// Controls that work only with JavaScript come inside a <script type="text/html">, which no
// browser shows: a text-mode browser shows `hidden` elements and <template>s, and showed
// fields that did nothing. Here they are put in its place; the first element is returned.
export function unpacked(block) {
  const template = document.createElement("template");
  template.innerHTML = block.textContent;  // the page's own markup, escaped when built
  const root = template.content.firstElementChild;
  block.replaceWith(template.content);
  return root;
}

/**
 * jsdom has no layout engine: every element is 0×0 and cannot scroll. The virtualizer only needs its scroll
 * container's size and scroll position, so give the log grid a fixed viewport and make scrollTo move scrollTop
 * and fire the scroll event, as a browser does. Everything else keeps jsdom's real behaviour.
 */
export function stubGridLayout(viewport = { width: 1000, height: 440 }): () => void {
  const restores: (() => void)[] = [];
  const isGrid = (el: Element) => el.getAttribute('role') === 'grid';

  function override(key: 'clientHeight' | 'clientWidth' | 'offsetHeight' | 'offsetWidth', value: number) {
    const own = Object.getOwnPropertyDescriptor(HTMLElement.prototype, key);
    const inherited = own ?? Object.getOwnPropertyDescriptor(Element.prototype, key);
    Object.defineProperty(HTMLElement.prototype, key, {
      configurable: true,
      get(this: HTMLElement) {
        return isGrid(this) ? value : (inherited?.get?.call(this) ?? 0);
      },
    });
    restores.push(() => {
      if (own) Object.defineProperty(HTMLElement.prototype, key, own);
      else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[key];
    });
  }
  override('clientHeight', viewport.height);
  override('offsetHeight', viewport.height);
  override('clientWidth', viewport.width);
  override('offsetWidth', viewport.width);

  const hadScrollTo = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTo');
  Element.prototype.scrollTo = function scrollTo(this: Element, arg?: ScrollToOptions | number, y?: number) {
    const top = typeof arg === 'number' ? (y ?? 0) : (arg?.top ?? this.scrollTop);
    this.scrollTop = Math.max(0, top);
    // Browsers fire scroll events asynchronously (on the next frame), never inside the call that scrolled.
    setTimeout(() => this.dispatchEvent(new Event('scroll')), 0);
  } as Element['scrollTo'];
  restores.push(() => {
    if (hadScrollTo) Object.defineProperty(Element.prototype, 'scrollTo', hadScrollTo);
    else delete (Element.prototype as unknown as Record<string, unknown>).scrollTo;
  });

  return () => restores.reverse().forEach((r) => r());
}

/** Scrolls the element as a user's wheel would: position first, then the scroll event. */
export function scrollElement(el: Element, top: number): void {
  el.scrollTop = top;
  el.dispatchEvent(new Event('scroll'));
}

/**
 * After a navigation, focus moves to the new page's heading so screen readers announce the page.
 * The layout asks for it on a path change; a page loaded on demand may mount later, so the
 * page takes the request when it mounts.
 */
let pending = false;

export function takeHeadingFocus(): void {
  if (!pending) return;
  const heading = document.querySelector<HTMLElement>('main [data-page-title]');
  if (!heading) return;
  pending = false;
  heading.focus();
}

export function requestHeadingFocus(): void {
  pending = true;
  takeHeadingFocus();
}

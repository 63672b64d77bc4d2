import { useSearchParams } from 'react-router';

/** Opens another tab of the household page and puts focus on it (for links between tabs). */
export function useSwitchTab() {
  const [, setParams] = useSearchParams();
  return (tab: string) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('tab', tab);
        return next;
      },
      { replace: true },
    );
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>('main [role="tab"][aria-selected="true"]')?.focus(),
    );
  };
}

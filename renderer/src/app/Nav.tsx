import { PAGES, PAGE_TITLES, type Page } from './pages.js';

interface Props {
  readonly current: Page;
  readonly onSelect: (page: Page) => void;
}

export function Nav({ current, onSelect }: Props) {
  return (
    <nav className="nav" aria-label="Pages">
      <ul>
        {PAGES.map((page) => (
          <li key={page}>
            <button
              type="button"
              data-testid={`nav-${page}`}
              aria-current={page === current ? 'page' : undefined}
              onClick={() => onSelect(page)}
            >
              {PAGE_TITLES[page]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

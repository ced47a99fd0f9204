export const PAGES = ['providers', 'keys', 'aliases', 'activity', 'settings'] as const;
export type Page = (typeof PAGES)[number];

export const PAGE_TITLES: Readonly<Record<Page, string>> = {
  providers: 'Providers',
  keys: 'Keys',
  aliases: 'Aliases',
  activity: 'Activity',
  settings: 'Settings',
};

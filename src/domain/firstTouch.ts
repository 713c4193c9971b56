/**
 * A journey's first-touch channel (docs/analytics.md): the channel of the earliest activity
 * logged on the journey. The SQL that computes it lives in analytics.repository.ts; the
 * mapping is here so the API, the CLI and the web app share one list.
 */
export const firstTouchChannels = ['in_person', 'phone', 'whatsapp', 'email', 'event', 'content', 'other', 'none'] as const;
export type FirstTouchChannel = (typeof firstTouchChannels)[number];

/** Activity type → channel. Types not listed (demo, implementation session, follow-up, survey) are `other`; no activity is `none`. */
export const channelOfActivity: Readonly<Record<string, Exclude<FirstTouchChannel, 'none' | 'other'>>> = {
  visit: 'in_person',
  meeting: 'in_person',
  call: 'phone',
  telemarketing_call: 'phone',
  whatsapp: 'whatsapp',
  email: 'email',
  event_attendance: 'event',
  content_shared: 'content',
};

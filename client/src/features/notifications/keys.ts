export const inboxKey = ['notifications'] as const;

/**
 * Due alerts (SPEC C5): a task that falls due reaches its assignee as a full-screen alert in every
 * open tab (the STOMP socket) and, with no tab open, as a Web Push that the service worker (sw.js)
 * shows with Call / WhatsApp / Snooze. The rest of the app uses only what is exported here.
 */
export { ConnectionStatus } from './ConnectionStatus';
export { DueAlerts } from './DueAlerts';
export { unsubscribeFromPush } from './push';
export { PushBanner } from './PushBanner';

package dev.agentlocator.notification.inbox;

import java.util.List;

/** {@code GET /api/notifications}: the newest alerts and how many are unread in total. */
record Inbox(List<Notification> items, long unreadCount) {}

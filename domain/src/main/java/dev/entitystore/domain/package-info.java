/** Entity Store semantics: definitions, identity, permissions, merges, queries, engines and storage. No HTTP. */
package dev.entitystore.domain;

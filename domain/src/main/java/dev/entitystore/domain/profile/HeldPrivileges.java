package dev.entitystore.domain.profile;

/**
 * What a subject holds, in Elasticsearch's three kinds of privilege: cluster privileges, privileges on an
 * index (a name or a pattern), and an application's privileges on one of its resources. The HTTP layer maps
 * our credentials onto it; {@link PrivilegesToCheck} asks it.
 */
public interface HeldPrivileges {
    /** Everything held: the server runs without a credentials file. */
    HeldPrivileges EVERYTHING = new Constant(true);

    /** Nothing held (a profile whose user has left the credentials file). */
    HeldPrivileges NOTHING = new Constant(false);

    /** The same answer to every question. */
    record Constant(boolean held) implements HeldPrivileges {
        @Override
        public boolean cluster(String privilege) {
            return held;
        }

        @Override
        public boolean index(String name, String privilege) {
            return held;
        }

        @Override
        public boolean application(String application, String resource, String privilege) {
            return held;
        }
    }

    boolean cluster(String privilege);

    /** {@code name} may be a pattern: held only when every index it can name is covered. */
    boolean index(String name, String privilege);

    boolean application(String application, String resource, String privilege);
}

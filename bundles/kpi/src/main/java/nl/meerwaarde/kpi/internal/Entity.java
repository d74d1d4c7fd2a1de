package nl.meerwaarde.kpi.internal;

import java.util.Optional;

/**
 * What a formula counts: the registrations a KPI is computed over, each with the entity it belongs to. An
 * activity's participations, a participation's dimensions and referrals: a condition or a breakdown may name a
 * field of the counted entity or of one it belongs to (a participation's activity), never the other way round.
 */
enum Entity {
    SIGNAL(null),
    ACTIVITY(null),
    PARTICIPATION(ACTIVITY),
    DIMENSION(PARTICIPATION),
    REFERRAL(PARTICIPATION);

    private final Entity parent;

    Entity(Entity parent) {
        this.parent = parent;
    }

    Optional<Entity> parent() {
        return Optional.ofNullable(parent);
    }

    /** Whether a row of this entity has exactly one row of {@code other}: itself, its parent, its grandparent. */
    boolean reaches(Entity other) {
        for (Entity e = this; e != null; e = e.parent) {
            if (e == other) {
                return true;
            }
        }
        return false;
    }
}

package com.contoso.linkedin.service;

import static com.contoso.linkedin.service.Given.id;
import static com.contoso.linkedin.service.Given.tenant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.contoso.linkedin.domain.InvalidInputException;
import com.contoso.linkedin.domain.TenantNotProvisionedException;
import com.contoso.linkedin.domain.UserFacts;
import com.contoso.linkedin.store.InMemoryLinkedInStore;

/** Who is selected: the legacy one-by-one selection and synced group members (SPEC 2 and 4). */
class SelectionServiceTest {

    private final InMemoryLinkedInStore store = new InMemoryLinkedInStore();
    private final SelectionService selection = new SelectionService(store, Given.CLOCK);

    private static Set<String> ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> id()).collect(Collectors.toSet());
    }

    @Test
    void setSelectedOneByOne_selectsAndUnselectsTheUser() {
        String tenantId = tenant(store);
        String userId = id();

        selection.setSelectedOneByOne(tenantId, userId, true, "admin", "request-1");
        boolean selected = store.findUser(tenantId, userId).selectedOneByOne();
        selection.setSelectedOneByOne(tenantId, userId, false, "admin", "request-1");

        assertTrue(selected);
        assertFalse(store.findUser(tenantId, userId).selectedOneByOne());
    }

    @Test
    void setSelectedOneByOne_isTenantNotProvisioned_andWritesNothing_whenTheTenantHasNoRecord() {
        assertThrows(TenantNotProvisionedException.class,
                () -> selection.setSelectedOneByOne(id(), id(), true, "admin", "request-1"));

        assertEquals(List.of("findTenant"), store.calls());
    }

    @Test
    void updateGroupMembers_addsAndRemovesMembers() {
        String tenantId = tenant(store);
        String group = id();
        String leaving = id();
        String joining = id();
        selection.updateGroupMembers(tenantId, group, Set.of(leaving), Set.of(), "admin", "request-1");

        selection.updateGroupMembers(tenantId, group, Set.of(joining), Set.of(leaving), "admin", "request-1");

        assertEquals(Set.of(group), store.findUser(tenantId, joining).groupIds());
        assertEquals(Set.of(), store.findUser(tenantId, leaving).groupIds());
    }

    @Test
    void updateGroupMembers_accepts1000ChangesTogether() {
        String tenantId = tenant(store);
        String group = id();
        Set<String> add = ids(600);
        Set<String> remove = ids(400);

        selection.updateGroupMembers(tenantId, group, add, remove, "admin", "request-1");

        assertTrue(store.findUsers(tenantId, List.copyOf(add)).stream().allMatch(u -> u.groupIds().contains(group)));
    }

    @Test
    void updateGroupMembers_refusesMoreThan1000ChangesTogether_beforeAskingTheStore() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> selection.updateGroupMembers(id(), id(), ids(600), ids(401), "admin", "request-1"));

        assertTrue(refused.getMessage().contains("1000"), refused::getMessage);
        assertEquals(List.of(), store.calls());
    }

    @Test
    void updateGroupMembers_refusesAUserBothAddedAndRemoved_beforeAskingTheStore() {
        String both = id();

        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> selection.updateGroupMembers(id(), id(), Set.of(both, id()), Set.of(both), "admin", "request-1"));

        assertFalse(refused.getMessage().contains(both), () -> "the detail echoes the id: " + refused.getMessage());
        assertEquals(List.of(), store.calls());
    }

    @Test
    void updateGroupMembers_isTenantNotProvisioned_andWritesNothing_whenTheTenantHasNoRecord() {
        String tenantId = id();
        String userId = id();

        assertThrows(TenantNotProvisionedException.class,
                () -> selection.updateGroupMembers(tenantId, id(), Set.of(userId), Set.of(), "admin", "request-1"));

        assertEquals(List.of("findTenant"), store.calls());
        assertEquals(UserFacts.unknown(), store.findUser(tenantId, userId));
    }
}

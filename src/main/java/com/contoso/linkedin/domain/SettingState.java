package com.contoso.linkedin.domain;

/** The part of a setting that a change moves: what the audit shows before and after. */
public record SettingState(IntegrationMode mode, String selectedGroupId) {
    public static SettingState of(TenantSetting setting) {
        return new SettingState(setting.mode(), setting.selectedGroupId());
    }
}

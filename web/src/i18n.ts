/** Cloudscape's own words (screen-reader labels, pagination, notifications) in Vietnamese: it ships no Vietnamese messages. */
type Part = { type: 0; value: string } | { type: 1; value: string };
const t = (s: string): Part[] => [{ type: 0, value: s }];

export const VI_MESSAGES = {
  'cloudscape-design-components': {
    vi: {
      'app-layout': {
        'ariaLabels.navigation': t('Điều hướng'),
        'ariaLabels.navigationClose': t('Đóng thanh điều hướng'),
        'ariaLabels.navigationToggle': t('Mở thanh điều hướng'),
        'ariaLabels.notifications': t('Thông báo'),
        'ariaLabels.tools': t('Trợ giúp'),
        'ariaLabels.toolsClose': t('Đóng trợ giúp'),
        'ariaLabels.toolsToggle': t('Mở trợ giúp'),
        'ariaLabels.drawers': t('Ngăn bên'),
        'ariaLabels.drawersOverflow': t('Các ngăn khác'),
        'ariaLabels.drawersOverflowWithBadge': t('Các ngăn khác, có thông báo'),
      },
      pagination: {
        'ariaLabels.nextPageLabel': t('Trang sau'),
        'ariaLabels.previousPageLabel': t('Trang trước'),
        'ariaLabels.pageLabel': [{ type: 0, value: 'Trang ' }, { type: 1, value: 'pageNumber' }] as Part[],
        'ariaLabels.jumpToPageButtonLabel': t('Đến trang'),
        'i18nStrings.jumpToPageInputLabel': t('Trang'),
        'i18nStrings.jumpToPageError': t('Không có trang này.'),
        'i18nStrings.jumpToPageLoadingText': t('Đang tải'),
      },
      flashbar: {
        'i18nStrings.ariaLabel': t('Thông báo'),
        'i18nStrings.errorIconAriaLabel': t('Lỗi'),
        'i18nStrings.inProgressIconAriaLabel': t('Đang xử lý'),
        'i18nStrings.infoIconAriaLabel': t('Thông tin'),
        'i18nStrings.notificationBarAriaLabel': t('Tất cả thông báo'),
        'i18nStrings.notificationBarText': t('Thông báo'),
        'i18nStrings.successIconAriaLabel': t('Thành công'),
        'i18nStrings.warningIconAriaLabel': t('Cảnh báo'),
      },
      select: { errorIconAriaLabel: t('Lỗi'), selectedAriaLabel: t('Đã chọn'), recoveryText: t('Thử lại') },
      autosuggest: { errorIconAriaLabel: t('Lỗi'), selectedAriaLabel: t('Đã chọn'), recoveryText: t('Thử lại'), enteredTextLabel: [{ type: 0, value: 'Dùng: "' }, { type: 1, value: 'value' }, { type: 0, value: '"' }] as Part[] },
      'top-navigation': {
        'i18nStrings.searchIconAriaLabel': t('Tìm kiếm'),
        'i18nStrings.searchDismissIconAriaLabel': t('Đóng tìm kiếm'),
        'i18nStrings.overflowMenuTriggerText': t('Thêm'),
        'i18nStrings.overflowMenuDismissIconAriaLabel': t('Đóng menu'),
        'i18nStrings.overflowMenuBackIconAriaLabel': t('Quay lại'),
        'i18nStrings.overflowMenuTitleText': t('Tất cả'),
      },
      'breadcrumb-group': { expandAriaLabel: t('Hiện đường dẫn') },
      alert: { dismissAriaLabel: t('Đóng') },
      'form-field': { 'i18nStrings.errorIconAriaLabel': t('Lỗi'), 'i18nStrings.warningIconAriaLabel': t('Cảnh báo') },
      input: { clearAriaLabel: t('Xóa') },
    },
  },
};

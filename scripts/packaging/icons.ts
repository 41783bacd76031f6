// Where the icon sizes live, shared by the script that renders them and the layout check.
export const ICON_SOURCE = 'build/icon.svg';
export const MAIN_ICON = 'build/icon.png';
export const MAIN_ICON_SIZE = 1024;
export const LINUX_ICON_DIR = 'build/icons';
export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];

; Inno Setup script for the Windows installer of the one-folder bundle (dist\smrtplayer).
;   ISCC.exe /DAppVersion=0.1.0 packaging\windows\smrtplayer.iss   ->  dist\smrtplayer-0.1.0-setup.exe
; Installs per user by default (no administrator needed); "Open with" for folders, .zip and videos.
; Uninstalling removes the program only: the data in %LOCALAPPDATA%\smrtplayer stays.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{5E0B7C52-8C3B-4E53-9B0A-6B1B2A7D6F10}
AppName=smrtplayer
AppVersion={#AppVersion}
AppPublisher=smrtplayer
DefaultDirName={autopf}\smrtplayer
DefaultGroupName=smrtplayer
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=smrtplayer-{#AppVersion}-setup
SetupIconFile=..\..\build\icons\smrtplayer.ico
UninstallDisplayIcon={app}\smrtplayer.exe
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
WizardStyle=modern

[Files]
Source: "..\..\dist\smrtplayer\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{group}\smrtplayer"; Filename: "{app}\smrtplayer.exe"
Name: "{autodesktop}\smrtplayer"; Filename: "{app}\smrtplayer.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Registry]
; "Open with smrtplayer" on folders, .zip archives and videos: offered, never the default.
Root: HKA; Subkey: "Software\Classes\Applications\smrtplayer.exe"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "smrtplayer"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\smrtplayer.exe\shell\open\command"; ValueType: string; ValueData: """{app}\smrtplayer.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Directory\shell\smrtplayer"; ValueType: string; ValueData: "Open with smrtplayer"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Directory\shell\smrtplayer"; ValueType: string; ValueName: "Icon"; ValueData: "{app}\smrtplayer.exe"
Root: HKA; Subkey: "Software\Classes\Directory\shell\smrtplayer\command"; ValueType: string; ValueData: """{app}\smrtplayer.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.zip\OpenWithList\smrtplayer.exe"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\.mp4\OpenWithList\smrtplayer.exe"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\.m4v\OpenWithList\smrtplayer.exe"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\.mkv\OpenWithList\smrtplayer.exe"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\.mov\OpenWithList\smrtplayer.exe"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\.webm\OpenWithList\smrtplayer.exe"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\.avi\OpenWithList\smrtplayer.exe"; Flags: uninsdeletekey

[Run]
Filename: "{app}\smrtplayer.exe"; Description: "{cm:LaunchProgram,smrtplayer}"; Flags: nowait postinstall skipifsilent

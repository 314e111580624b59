; Inno Setup 6 script for Waymark: a per-machine install of the PyInstaller folder into Program Files.
;
; Build the folder first (packaging\README.md), sign Waymark.exe and waymark-cli.exe, then from this folder:
;   iscc waymark.iss                                  (takes ..\dist\Waymark and the version from Waymark.exe)
;   iscc /DSourceDir=C:\path\to\Waymark waymark.iss   (another build folder)
; The installer is written to Output\Waymark-<version>-setup.exe; sign that too.
;
; Only the program goes into Program Files. Waymark keeps every record in the signed-in user's own
; %LOCALAPPDATA%\Waymark folder, written by the app itself, never by this installer; uninstalling leaves it there.

#ifndef SourceDir
  #define SourceDir "..\dist\Waymark"
#endif
#ifndef AppVersion
  ; The version PyInstaller wrote into Waymark.exe from pyproject.toml.
  #define AppVersion GetStringFileInfo(AddBackslash(SourceDir) + "Waymark.exe", "ProductVersion")
#endif
#if AppVersion == ""
  #error Could not read the version from Waymark.exe: build it first, or pass /DAppVersion=x.y.z
#endif

[Setup]
; Never change AppId: Windows uses it to recognise an upgrade of the same program.
AppId={{2325AC36-8608-4473-87F9-754C41F2C436}
AppName=Waymark
AppVersion={#AppVersion}
AppVerName=Waymark {#AppVersion}
AppPublisher=Waymark
VersionInfoVersion={#AppVersion}
VersionInfoProductName=Waymark
VersionInfoDescription=Waymark installer
; Per machine: Program Files, for every account on the laptop; needs an administrator (IT staff).
PrivilegesRequired=admin
DefaultDirName={autopf}\Waymark
DisableDirPage=auto
DefaultGroupName=Waymark
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; Ask a running Waymark to close (Restart Manager) before its files are replaced.
CloseApplications=yes
RestartApplications=no
InfoBeforeFile=before-install.txt
SetupIconFile=waymark.ico
UninstallDisplayIcon={app}\Waymark.exe
UninstallDisplayName=Waymark {#AppVersion}
OutputDir=Output
OutputBaseFilename=Waymark-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Code signing (see packaging\README.md): define a sign tool named "signtool" in the Inno Setup IDE or with
; iscc "/Ssigntool=signtool.exe sign /fd sha256 /tr http://timestamp.example /td sha256 /a $f", then uncomment:
; SignTool=signtool
; SignedUninstaller=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller folder: Waymark.exe, waymark-cli.exe and _internal\ (forms, resources, migrations, Qt).
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Waymark"; Filename: "{app}\Waymark.exe"; Comment: "Record, screen and refer concerns about child exploitation"
Name: "{autodesktop}\Waymark"; Filename: "{app}\Waymark.exe"; Tasks: desktopicon

[Run]
; runasoriginaluser: started as the person who ran the installer, not the administrator account that approved
; it, so a first vault is never created in the wrong user's profile.
Filename: "{app}\Waymark.exe"; Description: "Start Waymark now"; Flags: nowait postinstall skipifsilent runasoriginaluser

[UninstallDelete]
Type: dirifempty; Name: "{app}"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
    SuppressibleMsgBox(
      'Waymark has been removed from this computer, but the safeguarding records have NOT been deleted.' + #13#10#13#10 +
      'Each user''s encrypted vault, settings and log stay in their own folder:' + #13#10 +
      '    %LOCALAPPDATA%\Waymark' + #13#10#13#10 +
      'Safeguarding records must be kept for the setting''s retention period. Reinstall Waymark to open them again. ' +
      'If the records are no longer needed, the Designated Safeguarding Lead should take a final backup and agree ' +
      'with the head how they are disposed of before that folder is deleted.',
      mbInformation, MB_OK, IDOK);
end;

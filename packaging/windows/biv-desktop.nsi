;; The Windows installer for BIV Desktop, from the frozen folder packaging/biv-desktop.spec builds.
;; Per user, without administrator rights: the program goes to %LOCALAPPDATA%\Programs\BIV Desktop and
;; its uninstall entry to HKCU. The register, its backups and the logs live elsewhere, in
;; %LOCALAPPDATA%\BIV Desktop (biv_desktop/paths.py): neither an upgrade nor the uninstaller touches them.
;;
;; makensis -DVERSION=0.1.0 -DDIST=dist\biv-desktop -DOUTDIR=dist packaging\windows\biv-desktop.nsi
;; EXE_SUFFIX defaults to .exe; .ci/run compiles the script on Linux against the Linux build with
;; -DEXE_SUFFIX= -DCHECK_ONLY so the syntax and the file lists are checked on every change (that installer
;; is thrown away).

Unicode true
!ifdef CHECK_ONLY
  ; .ci/run's check of the syntax and file lists: nothing compressed, seconds instead of minutes.
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif
RequestExecutionLevel user

!ifndef VERSION
  !error "Give the version: makensis -DVERSION=0.1.0 ..."
!endif
!ifndef DIST
  !error "Give the frozen folder: makensis -DDIST=dist\biv-desktop ..."
!endif
!ifndef OUTDIR
  !define OUTDIR "."
!endif
!ifndef EXE_SUFFIX
  !define EXE_SUFFIX ".exe"
!endif

!define NAME "BIV Desktop"
!define PUBLISHER "BIV Desktops utvecklare"
!define WINDOW_EXE "biv-desktop-gui${EXE_SUFFIX}"
!define CONSOLE_EXE "biv-desktop${EXE_SUFFIX}"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\BIVDesktop"
!define DATA_DIR "$LOCALAPPDATA\BIV Desktop"
!define HOMEPAGE "https://github.com/biv-desktop/biv-desktop"

Name "${NAME} ${VERSION}"
OutFile "${OUTDIR}\BIV-Desktop-${VERSION}-installation.exe"
InstallDir "$LOCALAPPDATA\Programs\${NAME}"
; An upgrade installs where the older version is.
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${NAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1053 "ProductName" "${NAME}"
VIAddVersionKey /LANG=1053 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1053 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1053 "FileDescription" "Installation av ${NAME} ${VERSION}"
VIAddVersionKey /LANG=1053 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1053 "LegalCopyright" "GPL-3.0-or-later"

!include "MUI2.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "biv-desktop.ico"
!define MUI_UNICON "biv-desktop.ico"
!define MUI_ABORTWARNING

!define MUI_WELCOMEPAGE_TEXT "Det här installerar ${NAME} ${VERSION} för dig (inga administratörsrättigheter behövs).$\r$\n$\r$\nFinns en äldre version redan ersätts den. Ditt register och dina säkerhetskopior i ${DATA_DIR} rörs inte.$\r$\n$\r$\nKlicka på Nästa för att fortsätta."
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${WINDOW_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Starta ${NAME} nu"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "Programmet tas bort. Ditt register och dina säkerhetskopior ligger kvar i ${DATA_DIR}; ta bort den mappen själv först när du inte längre behöver uppgifterna."
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Swedish"

Section "${NAME}" SectionProgram
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; Over an older version: its program files go first, so no module of it outlives the upgrade.
  ; Only program files are here; the register lives in ${DATA_DIR}.
  RMDir /r "$INSTDIR\_internal"
  File "${DIST}\${WINDOW_EXE}"
  File "${DIST}\${CONSOLE_EXE}"
  File /r "${DIST}\_internal"
  File /oname=LICENSE.txt "..\..\LICENSE"
  File "biv-desktop.ico"
  WriteUninstaller "$INSTDIR\Avinstallera.exe"

  CreateShortcut "$SMPROGRAMS\${NAME}.lnk" "$INSTDIR\${WINDOW_EXE}" "" "$INSTDIR\biv-desktop.ico"

  ; The entry in Programs and Features (Installerade appar), for this user only.
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\biv-desktop.ico"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "URLInfoAbout" "${HOMEPAGE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Avinstallera.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Avinstallera.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "Genväg på skrivbordet" SectionDesktop
  SetShellVarContext current
  CreateShortcut "$DESKTOP\${NAME}.lnk" "$INSTDIR\${WINDOW_EXE}" "" "$INSTDIR\biv-desktop.ico"
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SectionProgram} "Programmet och en genväg i Start-menyn."
  !insertmacro MUI_DESCRIPTION_TEXT ${SectionDesktop} "En genväg till ${NAME} på skrivbordet."
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${NAME}.lnk"
  Delete "$DESKTOP\${NAME}.lnk"
  ; The program's own files, one by one: never RMDir /r on a folder the user may have chosen.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${WINDOW_EXE}"
  Delete "$INSTDIR\${CONSOLE_EXE}"
  Delete "$INSTDIR\LICENSE.txt"
  Delete "$INSTDIR\biv-desktop.ico"
  Delete "$INSTDIR\Avinstallera.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  ; The register, its backups and the logs in ${DATA_DIR} stay: say where.
  DetailPrint "Ditt register och dina säkerhetskopior finns kvar i ${DATA_DIR}."
  MessageBox MB_OK|MB_ICONINFORMATION "${NAME} är borttaget.$\r$\n$\r$\nDitt register (biv-register.sqlite) och dina säkerhetskopior (mappen backups) finns kvar i:$\r$\n${DATA_DIR}$\r$\n$\r$\nInstallerar du programmet igen öppnar det samma register." /SD IDOK
SectionEnd
